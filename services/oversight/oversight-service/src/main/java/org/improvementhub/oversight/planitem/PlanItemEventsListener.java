package org.improvementhub.oversight.planitem;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.improvementhub.oversight.projection.ProjectionFeed;
import org.improvementhub.oversight.projection.ReadModelListener;
import org.improvementhub.plans.events.PlanItemSaved;

/** Feeds every council's plan items into the read model as they change. */
@ReadModelListener(groupId = "oversight-plan-items")
public class PlanItemEventsListener {

  private final ProjectionFeed feed;
  private final PlanItemProjection projection;

  public PlanItemEventsListener(ProjectionFeed feed, PlanItemProjection projection) {
    this.feed = feed;
    this.projection = projection;
  }

  @Topic(PlanItemSaved.TOPIC)
  void receive(ConsumerRecord<String, String> record) {
    feed.apply(projection, record);
  }
}
