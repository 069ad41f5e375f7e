namespace GridCase.Domain.Catalogue;

/// <summary>
/// The four-eyes rule of catalogue governance (成熟一批，纳入一批): a batch of new items is approved or rejected by an
/// administrator other than the one who proposed it.
/// </summary>
public static class BatchReview
{
    public const string FourEyesRule = "four-eyes";

    /// <exception cref="InvalidTransitionException"><c>four-eyes</c>: the reviewer proposed the batch.</exception>
    public static void EnsureReviewer(string proposer, string reviewer)
    {
        if (string.Equals(proposer, reviewer, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidTransitionException(FourEyesRule,
                "需另一名管理员审批：提出批次的管理员不能审批自己的批次 / Another administrator must decide: the proposer of a batch cannot approve or reject it.");
        }
    }
}
