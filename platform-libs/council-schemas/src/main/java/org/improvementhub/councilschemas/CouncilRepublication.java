package org.improvementhub.councilschemas;

import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * What a service that owns a council's records does when the council is restored from an export: it
 * announces those records again as events, because the restore wrote rows, not events, and read
 * models elsewhere would otherwise stay empty. A service with such records has one bean of this
 * type; {@link CouncilRestoredListener} calls it once per restore.
 */
public interface CouncilRepublication {

  /**
   * Announces every record of the council the unit of work is bound to, through the outbox.
   *
   * @return how many events were announced
   */
  int republish(CouncilSlug council);
}
