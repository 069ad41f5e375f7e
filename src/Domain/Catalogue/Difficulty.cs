namespace GridCase.Domain.Catalogue;

/// <summary>Triage difficulty: 1 简单, 2 一般, 3 复杂, 4 重大.</summary>
public enum Difficulty
{
    Simple = 1,
    Ordinary = 2,
    Complex = 3,
    Major = 4,
}
