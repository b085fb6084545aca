package io.clair.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clair.core.manifest.Digest;
import io.clair.core.version.NormalizedVersion;
import java.io.IOException;

/**
 * The JSON form in which stores persist core values (scan results, index reports). It is internal: the wire
 * format of the APIs lives in clair-api. Records map by component name; digests and normalized versions are
 * written as their text forms.
 */
public final class CoreJson {
    public static final ObjectMapper MAPPER = create();

    private CoreJson() {
    }

    private static ObjectMapper create() {
        SimpleModule m = new SimpleModule("clair-core");
        m.addSerializer(Digest.class, new JsonSerializer<>() {
            @Override
            public void serialize(Digest v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.toString());
            }
        });
        m.addDeserializer(Digest.class, new JsonDeserializer<>() {
            @Override
            public Digest deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return Digest.parse(p.getValueAsString());
            }
        });
        m.addSerializer(NormalizedVersion.class, new JsonSerializer<>() {
            @Override
            public void serialize(NormalizedVersion v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.toString());
            }
        });
        m.addDeserializer(NormalizedVersion.class, new JsonDeserializer<>() {
            @Override
            public NormalizedVersion deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return NormalizedVersion.parse(p.getValueAsString());
            }
        });
        return new ObjectMapper().registerModule(m).registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("json: cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("json: cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
