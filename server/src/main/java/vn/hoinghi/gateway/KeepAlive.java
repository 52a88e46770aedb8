package vn.hoinghi.gateway;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import java.util.concurrent.ThreadLocalRandom;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP keepalive on each WebSocket, in the two regimes of the application heartbeat ({@link Gateway}):
 * <ul>
 *   <li><b>fast</b> for hosts and moderators, whose loss the chair must see within 10 s: after 4 s of silence the
 *       kernel probes every 2 s and drops the connection after 2 unanswered probes (about 8 s, no frame needed);</li>
 *   <li><b>relaxed</b> for everyone else (and for a connection that has not said hello yet): after 20–24 s of silence,
 *       a probe every 5 s, dropped after 5 unanswered (about 45 s, the application timeout of delegates).</li>
 * </ul>
 * Why not fast for everyone: tens of thousands of delegates that went quiet together (after a vote) would have their
 * probes sent in the same instant, every 2 s; probes lost in such a wave (a receive queue overflows: measured on
 * loopback at 15,000 connections, where the kernel's backlog of 1,000 packets dropped most of a wave) and two lost in a
 * row closed healthy delegates, thousands at a time, and a delegate on a poor link loses two packets often enough.
 * The relaxed idle time is spread over 5 seconds so that waves do not form. Vert.x 5.0 exposes only the on/off switch,
 * so the timings are set on the Netty channel (Linux, JDK 11+); where that is not possible the application heartbeat
 * still covers it.
 */
final class KeepAlive {
  private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);
  private static volatile boolean warned;

  /** Idle seconds before the first probe, seconds between probes, unanswered probes before the kernel drops it. */
  record Timings(int idle, int interval, int probes) {}

  static final Timings FAST = new Timings(4, 2, 2);
  static final int RELAXED_IDLE = 20;
  static final int RELAXED_IDLE_SPREAD = 5;
  static final int RELAXED_INTERVAL = 5;
  static final int RELAXED_PROBES = 5;

  private KeepAlive() {}

  static Timings relaxedTimings() {
    return new Timings(RELAXED_IDLE + ThreadLocalRandom.current().nextInt(RELAXED_IDLE_SPREAD), RELAXED_INTERVAL,
        RELAXED_PROBES);
  }

  /** At the upgrade: relaxed until the hello says who is connected. */
  static void enable(ServerWebSocket ws) {
    if (ws instanceof WebSocketInternal internal) apply(internal.channelHandlerContext().channel(), relaxedTimings());
  }

  /** After the hello, for hosts and moderators. */
  static void fast(Channel ch) {
    apply(ch, FAST);
  }

  /** Sets the timings; false (and one INFO line per process) where this platform does not allow it. */
  static boolean apply(Channel ch, Timings t) {
    try {
      boolean ok;
      if (ch instanceof io.netty.channel.epoll.EpollSocketChannel) {
        ok = ch.config().setOption(io.netty.channel.ChannelOption.SO_KEEPALIVE, true)
            && ch.config().setOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPIDLE, t.idle())
            && ch.config().setOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPINTVL, t.interval())
            && ch.config().setOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPCNT, t.probes());
      } else {
        ok = ch.config().setOption(NioChannelOption.of(java.net.StandardSocketOptions.SO_KEEPALIVE), true)
            && ch.config().setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), t.idle())
            && ch.config().setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL), t.interval())
            && ch.config().setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), t.probes());
      }
      if (!ok) throw new IllegalStateException("the channel refused the keepalive options");
      return true;
    } catch (RuntimeException | LinkageError e) {
      if (!warned) {
        warned = true;
        LOG.info("TCP keepalive timings not available here ({}); relying on WebSocket pings", e.toString());
      }
      return false;
    }
  }

  /** The timings the channel has now (for tests and diagnostics); null where they cannot be read. */
  static Timings read(Channel ch) {
    try {
      if (ch instanceof io.netty.channel.epoll.EpollSocketChannel) {
        if (!Boolean.TRUE.equals(ch.config().getOption(io.netty.channel.ChannelOption.SO_KEEPALIVE))) return null;
        return new Timings(ch.config().getOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPIDLE),
            ch.config().getOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPINTVL),
            ch.config().getOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPCNT));
      }
      if (!Boolean.TRUE.equals(ch.config().getOption(NioChannelOption.of(java.net.StandardSocketOptions.SO_KEEPALIVE)))) {
        return null;
      }
      return new Timings(ch.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE)),
          ch.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL)),
          ch.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT)));
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
