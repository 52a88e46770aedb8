package vn.hoinghi.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Catches what the server logs during a fuzz run: every ERROR line, and every WARN line that carries a stack trace
 * (bad input must be answered, never logged as a failure of our code).
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  final List<String> problems = new CopyOnWriteArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  static LogCapture attach() {
    LogCapture c = new LogCapture();
    c.setContext(c.root.getLoggerContext());
    c.setName("fuzz-capture");
    c.start();
    c.root.addAppender(c);
    return c;
  }

  @Override
  protected void append(ILoggingEvent e) {
    IThrowableProxy t = e.getThrowableProxy();
    if (e.getLevel().isGreaterOrEqual(Level.ERROR) || (e.getLevel().isGreaterOrEqual(Level.WARN) && t != null)) {
      if (problems.size() < 50) {
        problems.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
            + (t == null ? "" : " / " + t.getClassName() + ": " + t.getMessage()));
      }
    }
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
