import { redirect } from "next/navigation";
import { adminExists } from "@/lib/auth/admin";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { format } from "@/lib/i18n/messages";
import { getMessages } from "@/lib/i18n/server";
import { AuthShell } from "../auth-shell";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await adminExists()) redirect("/sign-in");
  const { t } = await getMessages();
  return (
    <AuthShell title={t.auth.setupTitle} intro={t.auth.setupIntro}>
      <SetupForm passwordLabel={format(t.auth.newPassword, { min: MIN_PASSWORD_LENGTH })} />
    </AuthShell>
  );
}
