package io.clair.api.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code {"Vulnerabilities": [...], "NextPage": "..."}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VulnerabilitiesEnvelope<T>(@JsonProperty("Vulnerabilities") List<T> vulnerabilities,
        @JsonProperty("NextPage") String nextPage) {
}
