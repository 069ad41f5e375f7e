using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCase.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstancesByVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_DefinitionId_Version_Status_Id",
                table: "workflow_instances",
                columns: new[] { "DefinitionId", "Version", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_instances_DefinitionId_Version_Status_Id",
                table: "workflow_instances");
        }
    }
}
