namespace GridCase.Workflows;

/// <summary>Marks the engine assembly; the engine itself arrives with the workflow-engine issue.</summary>
public static class EngineAssembly
{
    public const string Name = "GridCase.Workflows";
}
