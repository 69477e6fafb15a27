package uk.police.missing.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.execution.ErrorType;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.TestNeo4j;

/** An unexpected failure tells the caller only an error id; the log has the id and the cause. */
@ExtendWith(OutputCaptureExtension.class)
class GraphQlLimitsInternalErrorTest extends ApiTest {

  @Test
  void anUnexpectedFailureAnswersWithOnlyAnErrorIdThatTheLogPairsWithTheException(
      CapturedOutput log) {
    // A record from a force the service does not know: nothing ingest would accept, written
    // straight to the database, so that reading it fails as a real fault would.
    TestNeo4j.driver()
        .executableQuery(
            """
            CREATE (:Child {id: 'corrupt-child'})<-[:RECORD_OF]-
                   (:ChildRecord {force: 'ZZZ', personRef: 'ZZZ-1', givenName: 'Jessamy', familyName: 'Quorn'})
            """)
        .execute();

    ClientGraphQlResponse response =
        graphQl()
            .document("{ child(id: \"corrupt-child\") { id records { force { code } givenName } } }")
            .executeSync();

    ResponseError error = response.getErrors().get(0);
    String errorId = (String) error.getExtensions().get("errorId");
    assertThat(errorId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
    assertThat(error.getMessage()).isEqualTo("Internal error " + errorId);
    assertThat(response.toMap().toString())
        .doesNotContain("Exception", "at uk.", "Jessamy", "Quorn", "ZZZ", "MATCH");
    assertThat(log.getOut())
        .contains("GraphQL internal error " + errorId)
        .contains("java.util.NoSuchElementException");
  }
}
