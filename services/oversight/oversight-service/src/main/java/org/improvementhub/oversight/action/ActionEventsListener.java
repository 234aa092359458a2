package org.improvementhub.oversight.action;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.improvementhub.oversight.projection.ProjectionFeed;
import org.improvementhub.oversight.projection.ReadModelListener;
import org.improvementhub.plans.events.ActionCreated;

/** Feeds every council's action events into the read model as they happen. */
@ReadModelListener(groupId = "oversight-actions")
public class ActionEventsListener {

  private final ProjectionFeed feed;
  private final ActionProjection projection;

  public ActionEventsListener(ProjectionFeed feed, ActionProjection projection) {
    this.feed = feed;
    this.projection = projection;
  }

  @Topic(ActionCreated.TOPIC)
  void receive(ConsumerRecord<String, String> record) {
    feed.apply(projection, record);
  }
}
