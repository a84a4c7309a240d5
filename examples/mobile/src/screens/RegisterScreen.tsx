import { useState } from 'react';
import { mobileData } from '../platform/mobile-data';
import { Body, Button, ErrorText, Field, Screen } from '../ui';

/** Number entry; the SIM then proves it over mobile data (or an SMS code, on its own screen). */
export function RegisterScreen(props: {
  progress: string | null;
  error: string | null;
  onRegister: (phoneNumber: string, sandboxSim?: string) => void;
}) {
  const [number, setNumber] = useState('');
  const [sim, setSim] = useState('');
  return (
    <Screen title="Register this phone">
      <Body>
        Your number, in international format. Your SIM proves it over mobile data: keep mobile data
        on, even on Wi-Fi.
      </Body>
      <Field
        label="Phone number"
        testID="phone-number"
        value={number}
        onChangeText={setNumber}
        keyboardType="phone-pad"
        autoComplete="tel"
        placeholder="+447700900001"
      />
      {mobileData.sandboxSim && (
        <Field
          label="Sandbox: the SIM in this pretend phone (blank: the same number)"
          testID="sandbox-sim"
          value={sim}
          onChangeText={setSim}
          placeholder={number || '+447700900001'}
        />
      )}
      <Button
        title="Register"
        testID="register"
        disabled={!number || props.progress !== null}
        onPress={() => props.onRegister(number.trim(), sim.trim() || undefined)}
      />
      {props.progress && <Body testID="progress">{props.progress}</Body>}
      <ErrorText>{props.error}</ErrorText>
    </Screen>
  );
}
