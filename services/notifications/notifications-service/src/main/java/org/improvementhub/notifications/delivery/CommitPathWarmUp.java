package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the JDBC commit path a few hundred times before the first email of a process is sent.
 *
 * <p>The commit of an email's record is the only code between the "." that completes the message
 * and the COMMIT that records it (see {@link EndOfDataTransport}): a crash in between sends the
 * email twice. In a freshly started JVM that path runs interpreted, many times slower than once
 * compiled, and a fresh start is exactly when a backlog goes out (after a crash, a deploy). The
 * services compile with C1 only, which compiles a method after about 200 calls: these empty
 * transactions take it there before the first real one, at the cost of a fraction of a second of
 * one pooled connection.
 */
@Singleton
public class CommitPathWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(CommitPathWarmUp.class);

  private final DataSource dataSource;
  private final int commits;

  public CommitPathWarmUp(
      DataSource dataSource,
      DataSourceResolver resolver,
      @Value("${hub.notifications.dispatch.warm-up-commits:300}") int commits) {
    // the pool itself, as the claims use it (see CouncilEmailSender)
    this.dataSource = resolver.resolve(dataSource);
    this.commits = Math.max(0, commits);
  }

  /** Commits {@code warm-up-commits} empty transactions; a database away only skips it. */
  void run() {
    if (commits == 0) {
      return;
    }
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (int i = 0; i < commits; i++) {
          // a statement first: a transaction with nothing in it sends no COMMIT at all
          statement.execute("SELECT 1");
          connection.commit();
        }
      }
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.warn("The commit path could not be warmed before the first email: {}", e.getMessage());
      return;
    }
    LOG.info(
        "Commit path warmed with {} transactions in {} ms",
        commits,
        (System.nanoTime() - started) / 1_000_000);
  }
}
