package org.improvementhub.tenancy.password;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of a password change: the password now, and the one it becomes. */
@Serdeable
public record PasswordChange(
    @NotBlank @Size(max = 1000) String currentPassword,
    @NotBlank @Size(max = 1000) String newPassword) {

  /** Never the passwords: a record's text may reach a log line. */
  @Override
  public String toString() {
    return "PasswordChange[…]";
  }
}
