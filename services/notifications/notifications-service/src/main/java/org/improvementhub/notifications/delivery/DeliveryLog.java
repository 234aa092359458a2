package org.improvementhub.notifications.delivery;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;

/** Reads the delivery log of the council the request is for. */
@Singleton
public class DeliveryLog {

  private final EmailDeliveryRepository deliveries;

  public DeliveryLog(EmailDeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  @ReadOnly
  public List<DeliveryView> newest(int limit) {
    return deliveries.newest(limit).stream().map(DeliveryView::of).toList();
  }
}
