using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Findings;

internal sealed class StoredFindingConfiguration : IEntityTypeConfiguration<StoredFinding>
{
    public void Configure(EntityTypeBuilder<StoredFinding> builder)
    {
        builder.ToTable("findings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasColumnName("id");
        builder.Property(f => f.RegistrationId).HasColumnName("registration_id");
        builder.Property(f => f.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(f => f.Code).HasColumnName("code").HasMaxLength(40);
        builder.Property(f => f.RuleId).HasColumnName("rule_id").HasMaxLength(64);
        builder.Property(f => f.RuleSetVersion).HasColumnName("rule_set_version").HasMaxLength(32);
        builder.Property(f => f.DifferencesJson).HasColumnName("differences").HasColumnType("jsonb");
        builder.Property(f => f.ConflictingRegistrationIds).HasColumnName("conflicting_registration_ids");
        builder.Property(f => f.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(f => f.CreatedAt).HasColumnName("created_at");
        builder.Property(f => f.ClosedAt).HasColumnName("closed_at");
    }
}
