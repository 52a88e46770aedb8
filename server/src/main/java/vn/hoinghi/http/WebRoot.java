package vn.hoinghi.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a classpath folder (in a jar, or a directory while developing) into {@link WebClientFiles}: each file with
 * the {@code .br}/{@code .gz} beside it. The folder is read once per class loader: it cannot change while the server
 * runs, and every HTTP verticle shares the copy.
 */
final class WebRoot {
  private static final Logger LOG = LoggerFactory.getLogger(WebRoot.class);
  private static final Map<ClassLoader, WebClientFiles> LOADED = new WeakHashMap<>();

  private WebRoot() {}

  static synchronized WebClientFiles load(ClassLoader loader, String root) {
    WebClientFiles known = LOADED.get(loader);
    if (known != null) return known;
    Map<String, byte[]> raw = new HashMap<>();
    try {
      Enumeration<URL> urls = loader.getResources(root);
      while (urls.hasMoreElements()) {
        read(urls.nextElement(), root, raw); // the first on the classpath wins, as with a resource lookup
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the web client from the classpath " + root + "/", e);
    }
    Map<String, WebClientFiles.WebFile> files = new HashMap<>();
    raw.forEach((path, bytes) -> {
      if (path.endsWith(".br") || path.endsWith(".gz")) {
        String base = path.substring(0, path.length() - 3);
        if (raw.containsKey(base)) return; // a variant, read with its file below
      }
      files.put(path, WebClientFiles.file(path, bytes, raw.get(path + ".gz"), raw.get(path + ".br")));
    });
    if (!files.containsKey("/index.html")) {
      LOG.warn("no web client on the classpath ({}/index.html): / answers 404", root);
    }
    WebClientFiles result = new WebClientFiles(files);
    LOADED.put(loader, result);
    return result;
  }

  private static void read(URL url, String root, Map<String, byte[]> into) throws IOException {
    switch (url.getProtocol()) {
      case "file" -> readDirectory(url, into);
      case "jar" -> readJar(url, root, into);
      default -> LOG.warn("web client at {} not read: unknown URL scheme", url);
    }
  }

  private static void readDirectory(URL url, Map<String, byte[]> into) throws IOException {
    Path dir;
    try {
      dir = Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        into.putIfAbsent("/" + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
  }

  private static void readJar(URL url, String root, Map<String, byte[]> into) throws IOException {
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      String prefix = root + "/";
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().startsWith(prefix)) continue;
        try (InputStream in = jar.getInputStream(entry)) {
          into.putIfAbsent("/" + entry.getName().substring(prefix.length()), in.readAllBytes());
        }
      }
    }
  }
}
