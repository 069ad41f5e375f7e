using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Persistence.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one user: pending while the request runs, then done with the response that
/// was sent, so a repeat gets the same answer. Keys are per user.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string UserId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; set; }
    /// <summary>When the key was claimed (or an abandoned claim taken over); keys older than the retention are swept.</summary>
    public required DateTime StartedAt { get; set; }
    public bool Done { get; set; }
    public int StatusCode { get; set; }
    public string? ResponseJson { get; set; }
    public string? Location { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(300);
        // The sweep of expired keys deletes the oldest first, in batches.
        builder.HasIndex(r => r.StartedAt);
    }
}
