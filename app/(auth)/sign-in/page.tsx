import { redirect } from "next/navigation";
import { adminExists } from "@/lib/auth/admin";
import { isSignedIn } from "@/lib/auth/current";
import { getMessages } from "@/lib/i18n/server";
import { AuthShell } from "../auth-shell";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (!(await adminExists())) redirect("/setup");
  if (await isSignedIn()) redirect("/details");
  const { t } = await getMessages();
  return (
    <AuthShell title={t.auth.signInTitle} intro={t.auth.signInIntro}>
      <SignInForm />
    </AuthShell>
  );
}
