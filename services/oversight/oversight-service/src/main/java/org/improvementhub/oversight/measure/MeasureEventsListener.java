package org.improvementhub.oversight.measure;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.improvementhub.measures.events.MeasureValueRecorded;
import org.improvementhub.oversight.projection.ProjectionFeed;
import org.improvementhub.oversight.projection.ReadModelListener;

/** Feeds every council's measure values and statuses into the read model as they happen. */
@ReadModelListener(groupId = "oversight-measures")
public class MeasureEventsListener {

  private final ProjectionFeed feed;
  private final MeasureProjection projection;

  public MeasureEventsListener(ProjectionFeed feed, MeasureProjection projection) {
    this.feed = feed;
    this.projection = projection;
  }

  @Topic(MeasureValueRecorded.TOPIC)
  void receive(ConsumerRecord<String, String> record) {
    feed.apply(projection, record);
  }
}
