import java.io.IOException;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs an embedded Neo4j Community with only its Bolt connector, for the tests and bench/.
 *
 * <p>Usage: {@code java -cp 'lib/*:classes' Neo4jLauncher HOME PORT}. Neo4j's server tarball is
 * not on Maven Central, its embedded artifacts are. Prints {@code ready PORT} once Bolt listens
 * on 127.0.0.1:PORT, and stops when its standard input closes, so a test run that dies takes
 * the database with it.
 */
public final class Neo4jLauncher {
  private Neo4jLauncher() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Neo4jLauncher HOME PORT");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            // Loopback only and a throwaway folder: no users to manage.
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            // LOAD CSV in a READ transaction still reads the server's files; no test needs it.
            .setConfig(GraphDatabaseSettings.allow_file_urls, false)
            // The machines have 2 cores and are shared; the test graphs are a few MB.
            .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
    System.out.println("ready " + port);
    System.out.flush();
    while (System.in.read() != -1) {
      // Keep running until the parent closes our standard input (or dies).
    }
    // The parent is done with this throwaway database: skip the graceful shutdown (it waits
    // seconds for Bolt's event loops); SIGTERM still runs the shutdown hook.
    Runtime.getRuntime().halt(0);
  }
}
