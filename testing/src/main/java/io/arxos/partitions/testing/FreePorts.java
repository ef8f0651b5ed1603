package io.arxos.partitions.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Local ports for processes started later (a registry, services). They are chosen below the kernel's ephemeral range
 * (32768–60999 on Linux): a port taken from that range with {@code new ServerSocket(0)} can be handed to some
 * client's outgoing connection (Kafka's, JDBC's) before the process that was meant to listen on it starts, which
 * made a service fail with "port in use" now and then.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    private FreePorts() {
    }

    /** Distinct ports nothing listens on now: all probes stay open until every port is chosen. */
    public static int[] take(int count) {
        List<ServerSocket> probes = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket probe = probe();
                probes.add(probe);
                ports[i] = probe.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket probe : probes) {
                try {
                    probe.close();
                } catch (IOException e) {
                    // closing a probe cannot matter
                }
            }
        }
    }

    public static int take() {
        return take(1)[0];
    }

    private static ServerSocket probe() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                try {
                    socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
                    return socket;
                } catch (IOException taken) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free local port between " + FIRST + " and " + LAST + " after 200 tries");
    }
}
