import { useEffect, useState } from 'react';
import { api } from './api.js';

// Published versions never change, so one fetch per version is enough for the whole session.
const versions = new Map();
let activityTypes = null;

export function fetchVersion(id, version) {
  const key = `${id}@${version}`;
  if (!versions.has(key)) versions.set(key, api(`/api/workflow-definitions/${encodeURIComponent(id)}/versions/${version}`));
  return versions.get(key);
}

export function fetchActivityTypes() {
  activityTypes ??= api('/api/activity-types');
  return activityTypes;
}

export function useDefinitionVersion(id, version) {
  const [doc, setDoc] = useState(null);
  useEffect(() => {
    if (!id || !version) return;
    fetchVersion(id, version).then(setDoc).catch(() => setDoc(null));
  }, [id, version]);
  return doc;
}

export function useActivityTypes() {
  const [types, setTypes] = useState([]);
  useEffect(() => { fetchActivityTypes().then(setTypes).catch(() => setTypes([])); }, []);
  return types;
}
