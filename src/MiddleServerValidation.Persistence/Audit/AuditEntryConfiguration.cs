using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(200);
        builder.Property(e => e.ActorRole).HasColumnName("actor_role").HasMaxLength(16);
        builder.Property(e => e.Action).HasColumnName("action").HasMaxLength(32);
        builder.Property(e => e.FindingId).HasColumnName("finding_id");
        builder.Property(e => e.Details).HasColumnName("details");
        builder.Property(e => e.ClientAddress).HasColumnName("client_address").HasMaxLength(64);
    }
}
