/**
 * A form's primary submit button on its own row, disabled while the form is being sent and
 * saying so ("Saving…"), so a second click does not send it twice.
 */
export function SubmitButton({ pending, pendingLabel, disabled = false, children }: { pending: boolean; pendingLabel: string; disabled?: boolean; children: string }) {
  return (
    <div>
      <button type="submit" className="button button--primary" disabled={pending || disabled}>
        {pending ? pendingLabel : children}
      </button>
    </div>
  );
}
