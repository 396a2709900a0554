package dev.pulse.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** Reading HTTP/1.1 by hand, for tests that hold a request half-sent on a plain socket. */
public final class RawHttp {

  private RawHttp() {
  }

  /** Reads a response head, up to and including the blank line (less if the stream ends first). */
  public static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0) {
      head.append((char) c);
    }
    return head.toString();
  }

  /** True when nothing accepts connections on the loopback {@code port} any more. Blocking. */
  public static boolean refusesConnections(int port) {
    try (Socket probe = new Socket("127.0.0.1", port)) {
      return false;
    } catch (IOException refused) {
      return true;
    }
  }
}
