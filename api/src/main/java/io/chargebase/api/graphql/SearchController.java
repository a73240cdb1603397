package io.chargebase.api.graphql;

import java.util.ArrayList;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.organisation.ProfileQuery;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.tokens.Tokens;

/** One box to find anything an admin may look for: people, cards, places and chargers. */
@Controller
class SearchController {

    static final int MAX_PER_KIND = 20;

    private final Profiles profiles;
    private final Tokens tokens;
    private final Locations locations;
    private final ChargePoints chargePoints;

    SearchController(Profiles profiles, Tokens tokens, Locations locations, ChargePoints chargePoints) {
        this.profiles = profiles;
        this.tokens = tokens;
        this.locations = locations;
        this.chargePoints = chargePoints;
    }

    @QueryMapping
    List<Object> search(@Argument String text, @Argument Integer first) {
        String query = text == null ? "" : text.strip();
        if (query.length() < 2) {
            throw new BadRequestException("Search for at least 2 characters.");
        }
        int size = first == null ? 5 : first;
        if (size < 1 || size > MAX_PER_KIND) {
            throw new BadRequestException("'first' must be between 1 and " + MAX_PER_KIND + ".");
        }
        List<Object> found = new ArrayList<>();
        found.addAll(profiles.search(new ProfileQuery(null, query, null, null, size)).items());
        found.addAll(tokens.search(query, null, null, size).items());
        found.addAll(locations.search(query, null, size).items());
        found.addAll(chargePoints.search(query, null, null, size).items());
        return found;
    }
}
