using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.ResidentLookups;

internal sealed class PendingResidentLookupConfiguration : IEntityTypeConfiguration<PendingResidentLookup>
{
    public void Configure(EntityTypeBuilder<PendingResidentLookup> builder)
    {
        builder.ToTable("resident_lookups");
        builder.HasKey(l => l.RegistrationId);
        builder.Property(l => l.RegistrationId).HasColumnName("registration_id");
        builder.Property(l => l.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(l => l.Attempts).HasColumnName("attempts");
        builder.Property(l => l.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(l => l.LastError).HasColumnName("last_error");
        builder.Property(l => l.CreatedAt).HasColumnName("created_at");
        builder.Property(l => l.CompletedAt).HasColumnName("completed_at");
    }
}
