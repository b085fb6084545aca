package io.clair.updater.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The local RabbitMQ the deliverer tests talk to: AMQP on 127.0.0.1:5672 (guest/guest) and its STOMP plugin on
 * 61613. When a port is closed the broker (or the plugin) is started here, as CI's {@code .ci/run} also does; if that
 * does not work the test fails saying what to run.
 */
final class Brokers {
    static final String HOST = "127.0.0.1";
    static final int AMQP_PORT = 5672;
    static final int STOMP_PORT = 61613;

    private Brokers() {
    }

    static synchronized void requireAmqp() {
        if (open(AMQP_PORT)) {
            return;
        }
        run(List.of("rabbitmq-server", "-detached"));
        await(AMQP_PORT, "RabbitMQ on " + HOST + ":" + AMQP_PORT + " (start it with `rabbitmq-server -detached`)");
    }

    static synchronized void requireStomp() {
        requireAmqp();
        if (open(STOMP_PORT)) {
            return;
        }
        run(List.of("rabbitmq-plugins", "enable", "rabbitmq_stomp"));
        await(STOMP_PORT, "RabbitMQ's STOMP plugin on " + HOST + ":" + STOMP_PORT
                + " (enable it with `rabbitmq-plugins enable rabbitmq_stomp`)");
    }

    /**
     * Every message {@code queue} holds once {@code count} have arrived (within 30 s), asserting there are exactly
     * that many.
     */
    static List<GetResponse> receive(Channel ch, String queue, int count) throws Exception {
        List<GetResponse> out = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (out.size() < count && Instant.now().isBefore(deadline)) {
            GetResponse r = ch.basicGet(queue, true);
            if (r == null) {
                Thread.sleep(50);
            } else {
                out.add(r);
            }
        }
        assertThat(out).as("messages in %s", queue).hasSize(count);
        assertThat(ch.basicGet(queue, true)).as("no further message").isNull();
        return out;
    }

    private static boolean open(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("notifier test: cannot run " + String.join(" ", command) + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(int port, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (open(port)) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("notifier test: needs " + what);
    }
}
