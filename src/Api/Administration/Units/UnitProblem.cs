namespace GridCase.Api.Administration.Units;

/// <summary>What is wrong with one field of a unit given by an administrator (a request or an import row).</summary>
public sealed record UnitProblem(string Field, string Message);
