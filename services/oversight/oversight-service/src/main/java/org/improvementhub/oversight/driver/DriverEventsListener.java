package org.improvementhub.oversight.driver;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.improvementhub.oversight.projection.ProjectionFeed;
import org.improvementhub.oversight.projection.ReadModelListener;
import org.improvementhub.plans.events.DriverSaved;

/** Feeds every council's drivers into the read model as they change. */
@ReadModelListener(groupId = "oversight-drivers")
public class DriverEventsListener {

  private final ProjectionFeed feed;
  private final DriverProjection projection;

  public DriverEventsListener(ProjectionFeed feed, DriverProjection projection) {
    this.feed = feed;
    this.projection = projection;
  }

  @Topic(DriverSaved.TOPIC)
  void receive(ConsumerRecord<String, String> record) {
    feed.apply(projection, record);
  }
}
