package io.chargebase.domain.charging.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A list stored as JSON and parsed when it is first read: a page of CDRs shown without their lines or charging periods
 * costs no parse of them. Parsing is idempotent, so two threads reading it at once at worst both parse it.
 */
final class ParsedOnRead<E> extends AbstractList<E> implements RandomAccess {

    private final String json;
    private final Function<String, List<E>> parse;
    private volatile List<E> parsed;

    ParsedOnRead(String json, Function<String, List<E>> parse) {
        this.json = json;
        this.parse = parse;
    }

    @Override
    public E get(int index) {
        return elements().get(index);
    }

    @Override
    public int size() {
        return elements().size();
    }

    private List<E> elements() {
        List<E> elements = parsed;
        if (elements == null) {
            elements = List.copyOf(parse.apply(json));
            parsed = elements;
        }
        return elements;
    }
}
