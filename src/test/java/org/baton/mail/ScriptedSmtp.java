package org.baton.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A minimal SMTP server for what GreenMail cannot do: answer RCPT TO with the reply {@code rcpt} gives for the
 * address (e.g. 550 or 452), and accept everything else. One connection at a time; for tests only.
 */
final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    ScriptedSmtp(int port, Function<String, String> rcpt) {
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    converse(client, rcpt);
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    // the client went away mid-conversation: wait for the next one
                }
            }
        });
    }

    private static void converse(Socket client, Function<String, String> rcpt) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 scripted ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 scripted");
                case "RCPT" -> reply(out, rcpt.apply(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))));
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not kept
                    }
                    reply(out, "250 2.0.0 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        thread.join(5000);
    }
}
