using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridCase.Workflows.Runtime;

namespace GridCase.Persistence.Workflows;

/// <summary>
/// The stored form of a <see cref="WorkflowState"/>. Serialised by shape, so new state members are stored
/// without touching this file; the converters keep unit codes as text, enums as names, sorted collections
/// ordinal, and variable values with their exact types.
/// </summary>
public static class WorkflowStateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Derived members (ActiveNodeIds) are not state.
        IgnoreReadOnlyProperties = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new VariablesJsonConverter(),
            new OrdinalSortedJsonConverterFactory(),
            new UnitCodeJsonConverter(),
            new JsonStringEnumConverter(),
        },
    };

    public static string Write(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowState Read(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? throw new JsonException("A stored workflow state is null.");

    internal static string WriteStrings(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, Options);

    internal static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];
}
