package dev.pulse.support;

import java.io.IOException;
import java.io.InputStream;

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
}
