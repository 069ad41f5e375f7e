namespace GridCase.Domain.Organisation;

/// <summary>
/// A read-only snapshot of the organisation tree, answering the questions routing and scoping ask:
/// where a unit is, what is above it, and whether one unit lies within another.
/// </summary>
public sealed class OrgDirectory
{
    private readonly Dictionary<UnitCode, OrgUnit> _units;
    private readonly ILookup<UnitCode, OrgUnit> _children;

    public OrgDirectory(IEnumerable<OrgUnit> units)
    {
        _units = units.ToDictionary(u => u.Code);
        _children = _units.Values
            .Where(u => u.ParentCode is not null)
            .ToLookup(u => u.ParentCode!.Value);
    }

    public int Count => _units.Count;

    public IEnumerable<OrgUnit> Units => _units.Values;

    public OrgUnit? Find(UnitCode code) => _units.GetValueOrDefault(code);

    public IEnumerable<OrgUnit> ChildrenOf(UnitCode code) => _children[code];

    /// <summary>The unit itself, then its parent, up to the city.</summary>
    public IEnumerable<OrgUnit> SelfAndAncestors(UnitCode code)
    {
        var current = Find(code);
        while (current is not null)
        {
            yield return current;
            current = current.ParentCode is { } parent ? Find(parent) : null;
        }
    }

    /// <summary>True when <paramref name="unit"/> is <paramref name="scope"/> or lies below it.</summary>
    public bool IsWithin(UnitCode unit, UnitCode scope) =>
        SelfAndAncestors(unit).Any(u => u.Code == scope);

    /// <summary>The nearest area at <paramref name="level"/> containing <paramref name="unit"/>, if any.</summary>
    public OrgUnit? AreaAt(UnitCode unit, OrgLevel level) =>
        SelfAndAncestors(unit).FirstOrDefault(u => u.Kind == UnitKind.Area && u.Level == level);

    /// <summary>The unit and every unit below it.</summary>
    public IEnumerable<OrgUnit> SelfAndDescendants(UnitCode code)
    {
        if (Find(code) is not { } root)
        {
            yield break;
        }

        var stack = new Stack<OrgUnit>([root]);
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            yield return unit;
            foreach (var child in _children[unit.Code])
            {
                stack.Push(child);
            }
        }
    }
}
