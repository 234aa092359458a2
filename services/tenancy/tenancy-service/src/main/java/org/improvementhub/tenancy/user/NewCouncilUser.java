package org.improvementhub.tenancy.user;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a platform admin or the council's admin sends to add someone to a council. Roles are council
 * roles: COUNCIL_ADMIN, PROGRAMME_MANAGER, ACTION_LEAD, BOARD_MEMBER.
 */
@Serdeable
public record NewCouncilUser(
    @NotBlank @Email @Size(max = 320) String email,
    @NotBlank @Size(max = 200) String displayName,
    @NotBlank @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
    @NotEmpty List<String> roles) {}
