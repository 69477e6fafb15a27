package uk.police.missing.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SelectionSetContainer;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses a request that asks too much before any of it runs, so it never reaches the database.
 * The answer is one error naming the limit and its value, and no data.
 *
 * <p>Operations, aliases and depth are counted on the document's syntax before it is validated,
 * because validating costs in proportion to them. Arguments marked {@code @range} in the schema
 * and the cost are checked once variables and defaults are known, before the first data fetcher.
 * The cost is graphql-java's own complexity calculation with our cost model ({@link #cost}).
 *
 * <p>Introspection ({@code __schema}, {@code __type}) counts towards neither depth nor cost: the
 * standard introspection query of GraphiQL is 15 levels deep, graphql-java's good-faith
 * introspection check already bounds it, and production turns introspection off.
 */
@Component
class GraphQlLimits extends SimplePerformantInstrumentation {

  private static final List<String> PAGE_SIZES = List.of("first", "maxNodes");

  private final GraphQlLimitsProperties limits;

  GraphQlLimits(GraphQlLimitsProperties limits) {
    this.limits = limits;
  }

  @Override
  public InstrumentationContext<List<ValidationError>> beginValidation(
      InstrumentationValidationParameters parameters, InstrumentationState state) {
    Document document = parameters.getDocument();
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    if (operations.size() > limits.maxOperations()) {
      throw refusal(
          "max-operations",
          operations.size(),
          limits.maxOperations(),
          "The document has %d operations; at most %d are allowed.");
    }
    int aliases = 0;
    for (var definition : document.getDefinitions()) {
      if (definition instanceof SelectionSetContainer<?> container) {
        aliases += aliases(container.getSelectionSet());
      }
    }
    if (aliases > limits.maxAliases()) {
      throw refusal(
          "max-aliases",
          aliases,
          limits.maxAliases(),
          "The document has %d aliases; at most %d are allowed.");
    }
    Depth depth = new Depth(document);
    for (OperationDefinition operation : operations) {
      int levels = depth.of(operation.getSelectionSet());
      if (levels > limits.maxDepth()) {
        throw refusal(
            "max-depth",
            levels,
            limits.maxDepth(),
            "The query is %d levels deep; at most %d are allowed.");
      }
    }
    return SimpleInstrumentationContext.noOp();
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext context = parameters.getExecutionContext();
    refuseArgumentsOutOfRange(context);
    int cost =
        QueryComplexityCalculator.newCalculator()
            .schema(context.getGraphQLSchema())
            .document(context.getDocument())
            .operationName(context.getOperationDefinition().getName())
            .variables(context.getCoercedVariables())
            .fieldComplexityCalculator(this::cost)
            .build()
            .calculate();
    if (cost > limits.maxComplexity()) {
      throw refusal(
          "max-complexity",
          cost,
          limits.maxComplexity(),
          "The query costs %d; at most %d is allowed. Ask for smaller pages or fewer fields.");
    }
    return SimpleInstrumentationContext.noOp();
  }

  /**
   * A field costs 1 plus what it selects; a field paged by {@code first} or {@code maxNodes}
   * returns up to that many of what it selects. Lists without a page size count once: they are
   * bounded by the data (one child's timeline), not by the caller.
   */
  private int cost(FieldComplexityEnvironment field, int selected) {
    if (field.getFieldDefinition().getName().startsWith("__")
        || field.getParentType().getName().startsWith("__")) {
      return 0;
    }
    long pageSize = 1;
    for (String name : PAGE_SIZES) {
      if (field.getArguments().get(name) instanceof Integer size) {
        pageSize = size;
      }
    }
    // Capped just above the limit: the parser takes at most 15,000 tokens, so the sum of any
    // document's costs stays within an int (maxComplexity is at most 100,000).
    return (int) Math.min(1 + pageSize * selected, limits.maxComplexity() + 1L);
  }

  private static void refuseArgumentsOutOfRange(ExecutionContext context) {
    QueryTraverser.newQueryTraverser()
        .schema(context.getGraphQLSchema())
        .document(context.getDocument())
        .operationName(context.getOperationDefinition().getName())
        .coercedVariables(context.getCoercedVariables())
        .build()
        .visitPreOrder(
            new QueryVisitorStub() {
              @Override
              public void visitField(QueryVisitorFieldEnvironment field) {
                for (GraphQLArgument argument : field.getFieldDefinition().getArguments()) {
                  GraphQLAppliedDirective range = argument.getAppliedDirective("range");
                  if (range != null) {
                    refuseOutOfRange(field, argument, range);
                  }
                }
              }
            });
  }

  private static void refuseOutOfRange(
      QueryVisitorFieldEnvironment field, GraphQLArgument definition, GraphQLAppliedDirective range) {
    String argument = definition.getName();
    int min = range.getArgument("min").getValue();
    int max = range.getArgument("max").getValue();
    Object value = field.getArguments().get(argument);
    // An optional argument with no default (children's 'within') may be left out; one with a
    // default (every 'first') may not be nulled, as null would mean "no limit".
    boolean optional = !definition.hasSetDefaultValue() && !GraphQLTypeUtil.isNonNull(definition.getType());
    if (value == null && optional) {
      return;
    }
    if (!(value instanceof Integer n) || n < min || n > max) {
      throw new AbortExecutionException(
          List.of(
              GraphQLError.newError()
                  .errorType(ErrorType.BAD_REQUEST)
                  .message("%s must be between %d and %d", argument, min, max)
                  .location(field.getField().getSourceLocation())
                  .extensions(Map.of("argument", argument, "min", min, "max", max))
                  .build()));
    }
  }

  private static AbortExecutionException refusal(
      String limit, int actual, int allowed, String message) {
    return new AbortExecutionException(
        List.of(
            GraphQLError.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message, actual, allowed)
                .extensions(Map.of("limit", limit, "actual", actual, "allowed", allowed))
                .build()));
  }

  private static int aliases(SelectionSet selections) {
    int aliases = 0;
    for (Selection<?> selection : selections.getSelections()) {
      if (selection instanceof Field field) {
        aliases += field.getAlias() == null ? 0 : 1;
        aliases += field.getSelectionSet() == null ? 0 : aliases(field.getSelectionSet());
      } else if (selection instanceof InlineFragment inline) {
        aliases += aliases(inline.getSelectionSet());
      }
    }
    return aliases;
  }

  /**
   * How many fields an operation nests inside one another, through its fragments. Each fragment
   * is measured once, so a document that spreads fragments many times costs no more to measure.
   */
  private static final class Depth {

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Integer> measured = new HashMap<>();
    private final Set<String> measuring = new HashSet<>();

    Depth(Document document) {
      document
          .getDefinitionsOfType(FragmentDefinition.class)
          .forEach(f -> fragments.putIfAbsent(f.getName(), f));
    }

    int of(SelectionSet selections) {
      int deepest = 0;
      for (Selection<?> selection : selections.getSelections()) {
        int depth = 0;
        if (selection instanceof Field field && !field.getName().startsWith("__")) {
          depth = 1 + (field.getSelectionSet() == null ? 0 : of(field.getSelectionSet()));
        } else if (selection instanceof InlineFragment inline) {
          depth = of(inline.getSelectionSet());
        } else if (selection instanceof FragmentSpread spread) {
          depth = fragment(spread.getName());
        }
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    }

    private int fragment(String name) {
      Integer known = measured.get(name);
      if (known != null) {
        return known;
      }
      FragmentDefinition fragment = fragments.get(name);
      // An unknown fragment, or one that spreads itself, adds nothing: validation refuses both.
      if (fragment == null || !measuring.add(name)) {
        return 0;
      }
      int depth = of(fragment.getSelectionSet());
      measuring.remove(name);
      measured.put(name, depth);
      return depth;
    }
  }
}
