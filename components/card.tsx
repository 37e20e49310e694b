export function Card({ title, intro, children, testId }: { title: string; intro?: React.ReactNode; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid={testId}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {intro && <p className="mt-1 text-sm text-slate-600">{intro}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}
