package dev.pulse.alerts;

/** Names of the groups ({@link Alert#dimensions()}) that statistics and listings are kept for. */
public final class Dimensions {

  public static final String ALL = "all";

  private Dimensions() {
  }

  public static String status(AlertStatus status) {
    return "status:" + status;
  }

  public static String name(String name) {
    return "name:" + name;
  }

  public static String service(String serviceName) {
    return "service:" + serviceName;
  }

  public static String responder(String responderName) {
    return "responder:" + responderName;
  }
}
