package io.clair.core.ecosystem.rhel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content a {@link VexUpdater} fetch hands to its parse: a zstd-compressed stream of JSON values, first a header
 * saying whether the content is complete ({@code full}) or a {@code delta}, then one compacted CSAF document per value
 * (deletions as Red Hat's stub {@code {"document":{"tracking":{"id":..,"status":"deleted"}}}}). Each document is
 * validated while it is copied in, so a malformed advisory fails the fetch, not a later parse.
 */
final class VexSpool {
    static final String FULL = "full";
    static final String DELTA = "delta";
    private static final String MAGIC = "clair_rhel_vex_spool";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory().copy()
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private VexSpool() {
    }

    /** Receives the documents of a spool in order. */
    interface DocumentSink {
        void accept(JsonNode document) throws IOException;
    }

    /** Writes a spool file. */
    static final class Writer implements Closeable {
        private final ZstdOutputStream zstd;
        private final JsonGenerator gen;
        private int documents;

        Writer(Path file, String kind) throws IOException {
            this.zstd = new ZstdOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 3);
            this.gen = FACTORY.createGenerator(zstd);
            gen.writeStartObject();
            gen.writeNumberField(MAGIC, 1);
            gen.writeStringField("kind", kind);
            gen.writeEndObject();
        }

        /**
         * Copies one JSON document from {@code in} (which is not closed).
         *
         * @param what names the document in error messages
         */
        void document(InputStream in, String what) throws IOException {
            try (JsonParser p = FACTORY.createParser(in)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("rhel-vex: " + what + " is not a JSON object");
                }
                gen.copyCurrentStructure(p);
                if (p.nextToken() != null) {
                    throw new IOException("rhel-vex: " + what + " has content after its JSON object");
                }
            } catch (JsonProcessingException e) {
                throw new IOException("rhel-vex: " + what + " is malformed JSON: " + e.getOriginalMessage(), e);
            }
            documents++;
        }

        /** Records the deletion of the VEX document for {@code cve}. */
        void deleted(String cve) throws IOException {
            gen.writeStartObject();
            gen.writeObjectFieldStart("document");
            gen.writeObjectFieldStart("tracking");
            gen.writeStringField("id", cve);
            gen.writeStringField("status", "deleted");
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeEndObject();
            documents++;
        }

        int documents() {
            return documents;
        }

        @Override
        public void close() throws IOException {
            gen.close();
            zstd.close();
        }
    }

    /**
     * Reads a spool: hands every document to {@code sink} and returns the spool's kind.
     *
     * @throws IOException when {@code in} is not a spool this class wrote (for example a raw feed file)
     */
    static String read(InputStream in, DocumentSink sink) throws IOException {
        try (ZstdInputStream z = new ZstdInputStream(in); JsonParser p = FACTORY.createParser(z)) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("rhel-vex: content is not a VEX spool");
            }
            JsonNode header = p.readValueAsTree();
            String kind = header.path("kind").asText("");
            if (header.path(MAGIC).asInt() != 1 || !(kind.equals(FULL) || kind.equals(DELTA))) {
                throw new IOException("rhel-vex: content is not a VEX spool");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                sink.accept(p.readValueAsTree());
            }
            if (p.currentToken() != null) {
                throw new IOException("rhel-vex: VEX spool holds a " + p.currentToken() + " where a document belongs");
            }
            return kind;
        } catch (JsonProcessingException e) {
            throw new IOException("rhel-vex: VEX spool unreadable: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("rhel-vex: ")) {
                throw e;
            }
            throw new IOException("rhel-vex: VEX spool unreadable: " + e.getMessage(), e);
        }
    }
}
