import { useState } from 'react';
import { ActivityIndicator } from 'react-native';
import { SafeAreaProvider } from 'react-native-safe-area-context';
import { StatusBar } from 'expo-status-bar';
import { usePhone } from './flow/use-phone';
import { CodeScreen } from './screens/CodeScreen';
import { HomeScreen } from './screens/HomeScreen';
import { LoginRequestScreen } from './screens/LoginRequestScreen';
import { RegisterScreen } from './screens/RegisterScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { Screen } from './ui';

/** Which screen shows follows from the flow's state; the only screen state of its own: settings. */
export default function App() {
  const { state, register, approve, deny, refresh, forget, dismiss } = usePhone();
  const [settings, setSettings] = useState(false);
  return (
    <SafeAreaProvider>
      <StatusBar style="auto" />
      {(() => {
        if (state.codePrompt)
          return <CodeScreen key={state.codePrompt.kind} prompt={state.codePrompt} />;
        if (state.registeredAs === undefined)
          return (
            <Screen title="simauth">
              <ActivityIndicator />
            </Screen>
          );
        if (state.registeredAs === null)
          return (
            <RegisterScreen progress={state.progress} error={state.error} onRegister={register} />
          );
        if (state.request)
          return (
            <LoginRequestScreen
              request={state.request}
              progress={state.progress}
              error={state.error}
              onPick={approve}
              onDeny={deny}
            />
          );
        if (settings)
          return (
            <SettingsScreen
              onBack={() => setSettings(false)}
              onForget={() => {
                setSettings(false);
                void forget();
              }}
            />
          );
        return (
          <HomeScreen
            number={state.registeredAs}
            outcome={state.outcome}
            listening={state.listening}
            error={state.error}
            onRefresh={refresh}
            onSettings={() => setSettings(true)}
            onDismiss={dismiss}
          />
        );
      })()}
    </SafeAreaProvider>
  );
}
