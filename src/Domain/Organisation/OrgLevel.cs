namespace GridCase.Domain.Organisation;

/// <summary>Levels of the one-grid organisation, ordered from the bottom up.</summary>
public enum OrgLevel
{
    Grid = 0,
    Village = 1,
    Township = 2,
    County = 3,
    City = 4,
}

public static class OrgLevelExtensions
{
    /// <summary>The next level up, or <c>null</c> at the top.</summary>
    public static OrgLevel? Above(this OrgLevel level) =>
        level == OrgLevel.City ? null : level + 1;
}
