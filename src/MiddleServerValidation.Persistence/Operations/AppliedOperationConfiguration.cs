using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Operations;

internal sealed class AppliedOperationConfiguration : IEntityTypeConfiguration<AppliedOperation>
{
    public void Configure(EntityTypeBuilder<AppliedOperation> builder)
    {
        builder.ToTable("registration_operations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id");
        builder.Property(o => o.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(o => o.RegistrationId).HasColumnName("registration_id").HasMaxLength(64);
        builder.Property(o => o.Operation).HasColumnName("operation").HasMaxLength(16);
        builder.Property(o => o.OperationKey).HasColumnName("operation_key").HasMaxLength(64);
        builder.Property(o => o.VersionId).HasColumnName("version_id");
        builder.Property(o => o.ReplacedVersionId).HasColumnName("replaced_version_id");
        builder.Property(o => o.Reason).HasColumnName("reason").HasMaxLength(40);
        builder.Property(o => o.Note).HasColumnName("note");
        builder.Property(o => o.Outcome).HasColumnName("outcome").HasMaxLength(16);
        builder.Property(o => o.NoticeId).HasColumnName("notice_id");
        builder.Property(o => o.FindingsClosed).HasColumnName("findings_closed");
        builder.Property(o => o.ReceivedAt).HasColumnName("received_at");
        builder.HasIndex(o => new { o.InsurerNumber, o.RegistrationId, o.OperationKey }).IsUnique();
    }
}
