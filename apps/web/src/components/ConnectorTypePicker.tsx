import { DescribedChoice } from "./DescribedChoice.tsx";

/** The connector types of a registry (source or target) as radio choices, each with its description. */
export function ConnectorTypePicker<Type extends string>({
  connectors,
  value,
  onChange,
}: {
  connectors: ReadonlyArray<{ type: Type; label: string; description: string }>;
  value: Type | undefined;
  onChange: (type: Type) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="field__label">Connector type</legend>
      <div className="choice-row choice-row--three">
        {connectors.map((connector) => (
          <DescribedChoice key={connector.type} choice={connector} type="radio" name="connectorType" value={connector.type} checked={value === connector.type} onChange={() => onChange(connector.type)} />
        ))}
      </div>
    </fieldset>
  );
}
