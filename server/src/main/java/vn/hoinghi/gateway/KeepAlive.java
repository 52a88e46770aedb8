package vn.hoinghi.gateway;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP keepalive on each WebSocket: after 4 s of silence the kernel probes every 2 s and drops the connection after 2
 * unanswered probes, so a hall whose link died silently is seen offline in about 8 s without a single application
 * frame. Vert.x 5.0 exposes only the on/off switch, so the timings are set on the Netty channel (Linux, JDK 11+);
 * where that is not possible the application heartbeat still covers it.
 */
final class KeepAlive {
  private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);
  private static volatile boolean warned;
  private static volatile boolean reported;

  private KeepAlive() {}

  static void enable(ServerWebSocket ws) {
    if (!(ws instanceof WebSocketInternal internal)) return;
    try {
      Channel ch = internal.channelHandlerContext().channel();
      boolean ok;
      if (ch instanceof io.netty.channel.epoll.EpollSocketChannel) {
        ok = ch.config().setOption(io.netty.channel.ChannelOption.SO_KEEPALIVE, true)
            && ch.config().setOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPIDLE, 4)
            && ch.config().setOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPINTVL, 2)
            && ch.config().setOption(io.netty.channel.epoll.EpollChannelOption.TCP_KEEPCNT, 2);
      } else {
        ok = ch.config().setOption(NioChannelOption.of(java.net.StandardSocketOptions.SO_KEEPALIVE), true)
            && ch.config().setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), 4)
            && ch.config().setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL), 2)
            && ch.config().setOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), 2);
      }
      if (!ok) throw new IllegalStateException("the channel refused the keepalive options");
      if (!reported) {
        reported = true;
        LOG.debug("TCP keepalive: idle 4 s, interval 2 s, 2 probes");
      }
    } catch (RuntimeException | LinkageError e) {
      if (!warned) {
        warned = true;
        LOG.info("TCP keepalive timings not available here ({}); relying on WebSocket pings", e.toString());
      }
    }
  }
}
