package io.clair.updater.notify.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** STOMP 1.2 framing details the broker tests do not reach: escaping, bodies with NULs, heart-beats, a cut stream. */
class StompFrameTest {

    static Stream<Arguments> escapes() {
        return Stream.of(Arguments.of("plain", "plain"), Arguments.of("a:b", "a\\cb"),
                Arguments.of("back\\slash", "back\\\\slash"), Arguments.of("line\nbreak", "line\\nbreak"),
                Arguments.of("cr\rhere", "cr\\rhere"));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void headerValuesAreEscapedBothWays(String raw, String escaped) {
        assertThat(StompFrame.escape(raw)).isEqualTo(escaped);
        assertThat(StompFrame.unescape(escaped)).isEqualTo(raw);
    }

    @Test
    void aWrittenFrameReadsBackWithItsLengthDelimitedBody() throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("destination", "/queue/a:b");
        byte[] body = {'[', 0, ']'};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StompFrame("SEND", h, body).writeTo(out);
        String wire = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(wire).startsWith("SEND\ndestination:/queue/a\\cb\ncontent-length:3\n\n");
        // heart-beat newlines before a frame are skipped
        byte[] withBeats = ("\n\r\n" + wire).getBytes(StandardCharsets.ISO_8859_1);
        StompFrame f = StompFrame.read(new ByteArrayInputStream(withBeats));
        assertThat(f.command()).isEqualTo("SEND");
        assertThat(f.header("destination")).isEqualTo("/queue/a:b");
        assertThat(f.body()).containsExactly(body);
    }

    @Test
    void connectHeadersAreNotEscapedAndRepeatedHeadersKeepTheFirst() throws Exception {
        String wire = "CONNECTED\nversion:1.2\nserver:a\\cb\nversion:1.0\n\n\0";
        StompFrame f = StompFrame.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
        assertThat(f.header("server")).isEqualTo("a\\cb");
        assertThat(f.header("version")).isEqualTo("1.2");
    }

    @Test
    void aClosedStreamIsAnError() {
        assertThatThrownBy(() -> StompFrame.read(new ByteArrayInputStream("RECEIPT\nreceipt-id:1\n"
                .getBytes(StandardCharsets.UTF_8)))).isInstanceOf(EOFException.class)
                .hasMessageContaining("closed the connection");
    }
}
