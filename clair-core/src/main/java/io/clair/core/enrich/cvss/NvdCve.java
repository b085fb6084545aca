package io.clair.core.enrich.cvss;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;

/**
 * The parts of one NVD 2.0 {@code cve} object the CVSS enricher reads: {@code id}, {@code vulnStatus}, and the
 * {@code cvssData} of the first {@code Primary} metric in {@code metrics.cvssMetricV31} and in
 * {@code metrics.cvssMetricV30}. Read from the token stream; descriptions, references and configurations (the bulk
 * of a feed) are skipped without being built.
 *
 * @param id        the CVE id, {@code ""} when absent
 * @param status    {@code vulnStatus}, {@code ""} when absent
 * @param primaryV31 the primary v3.1 {@code cvssData}, or null
 * @param primaryV30 the primary v3.0 {@code cvssData}, or null
 */
record NvdCve(String id, String status, Map<String, Object> primaryV31, Map<String, Object> primaryV30) {

    /** Reads a JSON object at the parser's position into a map. */
    @FunctionalInterface
    interface ObjectReader {
        Map<String, Object> read() throws IOException;
    }

    /** The preferred record data: primary v3.1, else primary v3.0, else null. */
    Map<String, Object> primaryV3() {
        return primaryV31 != null ? primaryV31 : primaryV30;
    }

    /** Reads a {@code cve} object; the parser is on its START_OBJECT and ends on its END_OBJECT. */
    static NvdCve read(JsonParser p, ObjectReader objects) throws IOException {
        String id = "";
        String status = "";
        Map<String, Object> v31 = null;
        Map<String, Object> v30 = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "vulnStatus" -> status = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "metrics" -> {
                    if (value != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String list = p.currentName();
                        JsonToken array = p.nextToken();
                        if (array == JsonToken.START_ARRAY && list.equals("cvssMetricV31")) {
                            v31 = primary(p, objects);
                        } else if (array == JsonToken.START_ARRAY && list.equals("cvssMetricV30")) {
                            v30 = primary(p, objects);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new NvdCve(id, status, v31, v30);
    }

    /** The cvssData of the first metric of type Primary in the array at the parser's position, or null. */
    private static Map<String, Object> primary(JsonParser p, ObjectReader objects) throws IOException {
        Map<String, Object> found = null;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String type = "";
            Map<String, Object> data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                    type = p.getText();
                } else if (field.equals("cvssData") && value == JsonToken.START_OBJECT) {
                    data = objects.read();
                } else {
                    p.skipChildren();
                }
            }
            if (found == null && data != null && type.equals("Primary")) {
                found = data;
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new JsonParseException(p, "a CVSS metric list holds something other than objects");
        }
        return found;
    }
}
