package org.improvementhub.testsupport.infra;

/** Where a PostgreSQL server answers, and as whom to connect. */
public record PostgresEndpoint(
    String host, int port, String database, String user, String password) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public PostgresEndpoint withDatabase(String otherDatabase) {
    return new PostgresEndpoint(host, port, otherDatabase, user, password);
  }
}
