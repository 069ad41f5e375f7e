namespace GridCase.Domain.Organisation;

/// <summary>The kind of a basic grid (基础网格): urban, rural, or a dedicated grid (专属网格) for a park, campus or site.</summary>
public enum GridType
{
    /// <summary>城镇网格</summary>
    Urban,

    /// <summary>农村网格</summary>
    Rural,

    /// <summary>专属网格</summary>
    Dedicated,
}
