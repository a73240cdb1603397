package io.chargebase.api.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Any list query as a CSV file: POST the same body as to {@code /graphql} to {@code /graphql/csv}. The query runs
 * exactly as a GraphQL request would (same token, same policy, same row-level security); the first list in its
 * answer (a connection's nodes, or a plain list) becomes the rows, its scalar fields the columns (nested objects as
 * {@code owner.name}, lists of scalars joined with ';').
 */
@RestController
class CsvExport {

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ExecutionGraphQlService graphQl;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

    CsvExport(ExecutionGraphQlService graphQl) {
        this.graphQl = graphQl;
    }

    record Request(String query, String operationName, Map<String, Object> variables) {
    }

    @PostMapping(path = "/graphql/csv", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> export(@RequestBody Request request) {
        if (request.query() == null || request.query().isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("message", "The body needs a 'query'."))));
        }
        ContextSnapshot snapshot = snapshots.captureAll();
        ExecutionGraphQlResponse response = graphQl.execute(new DefaultExecutionGraphQlRequest(request.query(), request.operationName(),
                        request.variables(), Map.of(), UUID.randomUUID().toString(), null))
                .contextWrite(snapshot::updateContext)
                .block();
        if (response == null || !response.getErrors().isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(response == null ? Map.of() : response.toMap());
        }
        Map<String, Object> data = response.getData();
        if (data == null || data.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("message", "The query returned no data."))));
        }
        Map.Entry<String, Object> first = data.entrySet().iterator().next();
        List<Map<String, Object>> items = items(first.getValue());
        if (items == null) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("message",
                    "'" + first.getKey() + "' is no list: export a list query or a connection."))));
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + first.getKey() + ".csv\"")
                .body(csv(items));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Object value) {
        if (value instanceof Map<?, ?> connection && connection.get("edges") instanceof List<?> edges) {
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (Object edge : edges) {
                if (edge instanceof Map<?, ?> map && map.get("node") instanceof Map<?, ?> node) {
                    nodes.add((Map<String, Object>) node);
                }
            }
            return nodes;
        }
        if (value instanceof List<?> list) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    rows.add((Map<String, Object>) map);
                }
            }
            return rows;
        }
        return null;
    }

    static String csv(List<Map<String, Object>> items) {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Map<String, Object> item : items) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", item, row);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(CsvExport::quoted).toList())).append("\r\n");
        for (Map<String, String> row : rows) {
            out.append(String.join(",", columns.stream().map(column -> quoted(row.getOrDefault(column, ""))).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static void flatten(String prefix, Map<?, ?> item, Map<String, String> row) {
        item.forEach((key, value) -> {
            String column = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(column + ".", nested, row);
            } else if (value instanceof List<?> list) {
                if (list.stream().noneMatch(element -> element instanceof Map || element instanceof List)) {
                    row.put(column, String.join(";", list.stream().map(String::valueOf).toList()));
                }
            } else {
                row.put(column, value == null ? "" : String.valueOf(value));
            }
        });
    }

    /**
     * Spreadsheets run a cell as a formula when it starts with =, +, - or @, and some also after a leading TAB, CR or
     * LF, which they strip first. Values come from outside (a pending charger's BootNotification, a driver's name),
     * so such a cell gets a leading apostrophe; plain signed numbers stay as they are.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r\n";

    static String quoted(String value) {
        boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 && !value.matches("[-+]?[0-9.]+") ? "'" + value : value;
        return needsQuotes || !safe.equals(value) ? "\"" + safe.replace("\"", "\"\"") + "\"" : value;
    }
}
